using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocma.Core.Data.Migrations;

/// <summary>Hand-maintained migration (EF Core Design is not served); SchemaTests proves the migrations match the model.</summary>
[DbContext(typeof(OcmaDbContext))]
[Migration("20261123070000_AddChannelHealth")]
public sealed class AddChannelHealth : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ChannelHealth",
            columns: table => new
            {
                ChannelId = table.Column<int>(nullable: false),
                CheckedUtc = table.Column<DateTime>(nullable: false),
                Healthy = table.Column<bool>(nullable: false),
                LastSuccessUtc = table.Column<DateTime>(nullable: true),
                LatencyMs = table.Column<int>(nullable: true),
                Problem = table.Column<string>(maxLength: 2000, nullable: true),
                MissingScopes = table.Column<string>(maxLength: 1000, nullable: true),
                RateLimitRemaining = table.Column<int>(nullable: true),
                RateLimitResetUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChannelHealth", x => x.ChannelId);
                table.ForeignKey(
                    name: "FK_ChannelHealth_Channels_ChannelId",
                    column: x => x.ChannelId,
                    principalTable: "Channels",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ChannelHealth");
    }
}
