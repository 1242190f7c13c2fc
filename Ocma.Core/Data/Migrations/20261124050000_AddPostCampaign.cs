using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocma.Core.Data.Migrations;

/// <summary>Written by hand: a post may belong to a campaign, a short label the calendar filters by.</summary>
[DbContext(typeof(OcmaDbContext))]
[Migration("20261124050000_AddPostCampaign")]
public sealed class AddPostCampaign : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "Campaign",
            table: "Posts",
            maxLength: 60,
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "Campaign", table: "Posts");
    }
}
