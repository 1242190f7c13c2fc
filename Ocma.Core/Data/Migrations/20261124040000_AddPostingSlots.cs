using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocma.Core.Data.Migrations;

/// <summary>Hand-maintained migration (EF Core Design is not served); SchemaTests proves the migrations match the model.</summary>
[DbContext(typeof(OcmaDbContext))]
[Migration("20261124040000_AddPostingSlots")]
public sealed class AddPostingSlots : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "PostingSlots",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                ChannelId = table.Column<int>(nullable: false),
                Days = table.Column<int>(maxLength: 32, nullable: false),
                MinuteOfDay = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PostingSlots", x => x.Id);
                table.ForeignKey(
                    name: "FK_PostingSlots_Channels_ChannelId",
                    column: x => x.ChannelId,
                    principalTable: "Channels",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_PostingSlots_ChannelId_MinuteOfDay",
            table: "PostingSlots",
            columns: new[] { "ChannelId", "MinuteOfDay" },
            unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PostingSlots");
    }
}
