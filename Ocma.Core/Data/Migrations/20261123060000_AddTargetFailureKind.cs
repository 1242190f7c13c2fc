using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocma.Core.Data.Migrations;

/// <summary>Written by hand: each target remembers the kind of its last failure, so dead letters group by cause.</summary>
[DbContext(typeof(OcmaDbContext))]
[Migration("20261123060000_AddTargetFailureKind")]
public sealed class AddTargetFailureKind : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "LastFailureKind",
            table: "PostTargets",
            maxLength: 32,
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "LastFailureKind", table: "PostTargets");
    }
}
