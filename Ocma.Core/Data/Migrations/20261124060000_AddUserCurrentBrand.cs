using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocma.Core.Data.Migrations;

/// <summary>Written by hand: each user remembers the brand they work in, across sign-ins and devices.</summary>
[DbContext(typeof(OcmaDbContext))]
[Migration("20261124060000_AddUserCurrentBrand")]
public sealed class AddUserCurrentBrand : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(
            name: "CurrentBrandId",
            table: "AspNetUsers",
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "CurrentBrandId", table: "AspNetUsers");
    }
}
