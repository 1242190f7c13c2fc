using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Brands;
using Ocma.Core.Data;
using Ocma.Core.Identity;

namespace Ocma.Tests.Core.Data;

/// <summary>Upgrading to per-brand access: everyone keeps what they could see and do, in every brand.</summary>
public sealed class BrandMembershipMigrationTests
{
    private const string PreviousMigration = "20261204215156_AddCalendarFeeds";

    [Fact]
    public async Task Upgrade_MakesEveryNonAdminAMemberOfEveryBrandWithTheirRole_AdminsNeedNone()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = new OcmaDbContext(new DbContextOptionsBuilder<OcmaDbContext>().UseSqlite(connection).Options);
        var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
        await migrator.MigrateAsync(PreviousMigration);
        var roles = Roles.All.Select(r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() }).ToList();
        db.Roles.AddRange(roles);
        db.Brands.AddRange(new Brand { Name = "One", TimeZoneId = "Etc/UTC" }, new Brand { Name = "Two", TimeZoneId = "Etc/UTC" });
        var people = new[] { ("admin", Roles.Admin), ("editor", Roles.Editor), ("writer", Roles.Contributor), ("reader", Roles.Viewer) };
        foreach (var (name, role) in people)
        {
            db.Users.Add(new OcmaUser { Id = name, UserName = name, SecurityStamp = name });
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = name, RoleId = roles.Single(r => r.Name == role).Id });
        }

        await db.SaveChangesAsync();
        await migrator.MigrateAsync();

        var memberships = await db.BrandMemberships.AsNoTracking().OrderBy(m => m.UserId).ThenBy(m => m.BrandId).Select(m => $"{m.UserId}:{m.BrandId}:{m.Role}").ToListAsync();
        Assert.Equal(["editor:1:Editor", "editor:2:Editor", "reader:1:Viewer", "reader:2:Viewer", "writer:1:Contributor", "writer:2:Contributor"], memberships);
    }
}
