using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocma.Core.Data.Migrations;

/// <summary>AI drafting tables. Generated from the model by the scaffold tool (EF Core Design is not served), decimal precision added by hand; the schema test proves it matches the model.</summary>
[DbContext(typeof(OcmaDbContext))]
[Migration("20261123100000_AddDrafting")]
public sealed class AddDrafting : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AiUsages",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                AtUtc = table.Column<DateTime>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: false),
                BrandId = table.Column<int>(nullable: false),
                Provider = table.Column<string>(maxLength: 32, nullable: false),
                Model = table.Column<string>(maxLength: 128, nullable: false),
                TokensIn = table.Column<int>(nullable: false),
                TokensOut = table.Column<int>(nullable: false),
                Cost = table.Column<decimal>(precision: 18, scale: 6, nullable: false),
                LatencyMs = table.Column<int>(nullable: false),
                Failure = table.Column<string>(maxLength: 32, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AiUsages", x => x.Id);
                table.ForeignKey(
                    name: "FK_AiUsages_Brands_BrandId",
                    column: x => x.BrandId,
                    principalTable: "Brands",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "BrandVoices",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                BrandId = table.Column<int>(nullable: false),
                Description = table.Column<string>(maxLength: 2000, nullable: false),
                WordsToAvoid = table.Column<string>(nullable: false),
                RequiredDisclosures = table.Column<string>(nullable: false),
                Hashtags = table.Column<string>(nullable: false),
                EmojiPolicy = table.Column<string>(maxLength: 32, nullable: false),
                MonthlyBudget = table.Column<decimal>(precision: 18, scale: 6, nullable: true),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BrandVoices", x => x.Id);
                table.ForeignKey(
                    name: "FK_BrandVoices_Brands_BrandId",
                    column: x => x.BrandId,
                    principalTable: "Brands",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AiGenerations",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                AtUtc = table.Column<DateTime>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: false),
                BrandId = table.Column<int>(nullable: false),
                PostId = table.Column<int>(nullable: true),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                Provider = table.Column<string>(maxLength: 32, nullable: false),
                Model = table.Column<string>(maxLength: 128, nullable: false),
                Prompt = table.Column<string>(nullable: false),
                Output = table.Column<string>(nullable: false),
                TokensIn = table.Column<int>(nullable: false),
                TokensOut = table.Column<int>(nullable: false),
                Cost = table.Column<decimal>(precision: 18, scale: 6, nullable: false),
                AiUsageId = table.Column<long>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AiGenerations", x => x.Id);
                table.ForeignKey(
                    name: "FK_AiGenerations_AiUsages_AiUsageId",
                    column: x => x.AiUsageId,
                    principalTable: "AiUsages",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_AiGenerations_Brands_BrandId",
                    column: x => x.BrandId,
                    principalTable: "Brands",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_AiGenerations_Posts_PostId",
                    column: x => x.PostId,
                    principalTable: "Posts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.SetNull);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AiGenerations_AiUsageId",
            table: "AiGenerations",
            column: "AiUsageId");

        migrationBuilder.CreateIndex(
            name: "IX_AiGenerations_BrandId_AtUtc",
            table: "AiGenerations",
            columns: new[] { "BrandId", "AtUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_AiGenerations_PostId",
            table: "AiGenerations",
            column: "PostId");

        migrationBuilder.CreateIndex(
            name: "IX_AiUsages_AtUtc",
            table: "AiUsages",
            column: "AtUtc");

        migrationBuilder.CreateIndex(
            name: "IX_AiUsages_BrandId_AtUtc",
            table: "AiUsages",
            columns: new[] { "BrandId", "AtUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_BrandVoices_BrandId",
            table: "BrandVoices",
            column: "BrandId",
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "AiGenerations");
        migrationBuilder.DropTable(name: "BrandVoices");
        migrationBuilder.DropTable(name: "AiUsages");
    }
}
