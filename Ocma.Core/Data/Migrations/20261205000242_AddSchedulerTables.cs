using Microsoft.EntityFrameworkCore.Migrations;
using Ocma.Core.Jobs;

#nullable disable

namespace Ocma.Core.Data.Migrations
{
    /// <summary>
    /// Quartz's tables, from the script Quartz ships for the database (see <see cref="SchedulerSchema"/>).
    /// Installations whose tables Quartz created at start-up keep them as they are: every statement
    /// creates only what is missing.
    /// </summary>
    public partial class AddSchedulerTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in SchedulerSchema.CreateStatements(migrationBuilder.ActiveProvider))
            {
                migrationBuilder.Sql(statement);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            var tables = SchedulerSchema.Tables(SchedulerSchema.CreateStatements(migrationBuilder.ActiveProvider));
            foreach (var table in tables.Reverse())
            {
                migrationBuilder.DropTable(table);
            }
        }
    }
}
