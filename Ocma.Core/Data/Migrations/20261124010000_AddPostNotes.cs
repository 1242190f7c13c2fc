using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocma.Core.Data.Migrations;

/// <summary>Written by hand: a post carries the team's notes or brief, in Markdown.</summary>
[DbContext(typeof(OcmaDbContext))]
[Migration("20261124010000_AddPostNotes")]
public sealed class AddPostNotes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "Notes",
            table: "Posts",
            maxLength: 20000,
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Notes", table: "Posts");
    }
}
