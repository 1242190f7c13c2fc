using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocma.Core.Data.Migrations;

/// <summary>The media library (assets and the images attached to posts) and the practice platform's copy of posted images. Generated from the model by the scaffold tool; SchemaTests proves it matches.</summary>
[DbContext(typeof(OcmaDbContext))]
[Migration("20261124030000_AddMediaLibrary")]
public sealed class AddMediaLibrary : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "MediaAssets",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                BrandId = table.Column<int>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                FileName = table.Column<string>(maxLength: 200, nullable: false),
                ContentType = table.Column<string>(maxLength: 64, nullable: false),
                Length = table.Column<long>(nullable: false),
                Width = table.Column<int>(nullable: false),
                Height = table.Column<int>(nullable: false),
                AltText = table.Column<string>(maxLength: 1500, nullable: true),
                UploadedById = table.Column<string>(maxLength: 450, nullable: false),
                UploadedByName = table.Column<string>(maxLength: 256, nullable: false),
                UploadedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MediaAssets", x => x.Id);
                table.ForeignKey(
                    name: "FK_MediaAssets_Brands_BrandId",
                    column: x => x.BrandId,
                    principalTable: "Brands",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PostMedia",
            columns: table => new
            {
                PostId = table.Column<int>(nullable: false),
                MediaAssetId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PostMedia", x => new { x.PostId, x.MediaAssetId });
                table.ForeignKey(
                    name: "FK_PostMedia_MediaAssets_MediaAssetId",
                    column: x => x.MediaAssetId,
                    principalTable: "MediaAssets",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_PostMedia_Posts_PostId",
                    column: x => x.PostId,
                    principalTable: "Posts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SandboxImages",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                PostId = table.Column<int>(nullable: false),
                Position = table.Column<int>(nullable: false),
                ContentType = table.Column<string>(maxLength: 64, nullable: false),
                AltText = table.Column<string>(maxLength: 1500, nullable: true),
                Data = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SandboxImages", x => x.Id);
                table.ForeignKey(
                    name: "FK_SandboxImages_SandboxPosts_PostId",
                    column: x => x.PostId,
                    principalTable: "SandboxPosts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_MediaAssets_BrandId_Sha256",
            table: "MediaAssets",
            columns: new[] { "BrandId", "Sha256" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_MediaAssets_Sha256",
            table: "MediaAssets",
            column: "Sha256");

        migrationBuilder.CreateIndex(
            name: "IX_PostMedia_MediaAssetId",
            table: "PostMedia",
            column: "MediaAssetId");

        migrationBuilder.CreateIndex(
            name: "IX_SandboxImages_PostId_Position",
            table: "SandboxImages",
            columns: new[] { "PostId", "Position" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "SandboxImages");
        migrationBuilder.DropTable(name: "PostMedia");
        migrationBuilder.DropTable(name: "MediaAssets");
    }
}
