using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocma.Core.Data.Migrations;

/// <summary>Written by hand: a video in the media library remembers how long it plays, so channel limits are checked before scheduling.</summary>
[DbContext(typeof(OcmaDbContext))]
[Migration("20261124070000_AddMediaDuration")]
public sealed partial class AddMediaDuration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<double>(
            name: "DurationSeconds",
            table: "MediaAssets",
            nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "DurationSeconds", table: "MediaAssets");
    }
}
