using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocma.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SandboxPostsWithoutIdempotency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SandboxPosts_AccountId_IdempotencyKey",
                table: "SandboxPosts");

            migrationBuilder.CreateIndex(
                name: "IX_SandboxPosts_AccountId_IdempotencyKey",
                table: "SandboxPosts",
                columns: new[] { "AccountId", "IdempotencyKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SandboxPosts_AccountId_IdempotencyKey",
                table: "SandboxPosts");

            migrationBuilder.CreateIndex(
                name: "IX_SandboxPosts_AccountId_IdempotencyKey",
                table: "SandboxPosts",
                columns: new[] { "AccountId", "IdempotencyKey" },
                unique: true);
        }
    }
}
