using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocma.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddBrandMemberships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BrandMemberships",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    BrandId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BrandMemberships", x => new { x.UserId, x.BrandId });
                    table.ForeignKey(
                        name: "FK_BrandMemberships_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BrandMemberships_Brands_BrandId",
                        column: x => x.BrandId,
                        principalTable: "Brands",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BrandMemberships_BrandId",
                table: "BrandMemberships",
                column: "BrandId");

            // Everyone who is not an Admin becomes a member of every brand with the role they had: nobody loses access
            // on upgrade. Admins need no membership (they see every brand). Plain SQL that PostgreSQL runs as well.
            migrationBuilder.Sql(
                """
                INSERT INTO "BrandMemberships" ("UserId", "BrandId", "Role")
                SELECT ur."UserId", b."Id", MIN(r."Name")
                FROM "AspNetUserRoles" ur
                JOIN "AspNetRoles" r ON r."Id" = ur."RoleId"
                CROSS JOIN "Brands" b
                WHERE r."Name" <> 'Admin'
                  AND NOT EXISTS (SELECT 1 FROM "AspNetUserRoles" a JOIN "AspNetRoles" ar ON ar."Id" = a."RoleId" WHERE a."UserId" = ur."UserId" AND ar."Name" = 'Admin')
                GROUP BY ur."UserId", b."Id";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BrandMemberships");
        }
    }
}
