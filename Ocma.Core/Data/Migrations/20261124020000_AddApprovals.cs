using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocma.Core.Data.Migrations;

/// <summary>
/// Approvals: each brand's on/off switch (AddColumn written by hand) and the post review history table (emitted).
/// SchemaTests proves the migrations match the model.
/// </summary>
[DbContext(typeof(OcmaDbContext))]
[Migration("20261124020000_AddApprovals")]
public sealed class AddApprovals : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(
            name: "ApprovalsRequired",
            table: "Brands",
            nullable: false,
            defaultValue: false);

        migrationBuilder.CreateTable(
            name: "PostReviews",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                PostId = table.Column<int>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                UserName = table.Column<string>(maxLength: 256, nullable: false),
                Decision = table.Column<string>(maxLength: 32, nullable: false),
                Comment = table.Column<string>(maxLength: 2000, nullable: true),
                AtUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PostReviews", x => x.Id);
                table.ForeignKey(
                    name: "FK_PostReviews_Posts_PostId",
                    column: x => x.PostId,
                    principalTable: "Posts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_PostReviews_PostId_AtUtc",
            table: "PostReviews",
            columns: new[] { "PostId", "AtUtc" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PostReviews");
        migrationBuilder.DropColumn(name: "ApprovalsRequired", table: "Brands");
    }
}
