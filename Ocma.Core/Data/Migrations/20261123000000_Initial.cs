using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocma.Core.Data.Migrations;

/// <summary>Hand-maintained migration (EF Core Design is not served); SchemaTests proves the migrations match the model.</summary>
[DbContext(typeof(OcmaDbContext))]
[Migration("20261123000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AppSecrets",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(maxLength: 128, nullable: false),
                ProtectedValue = table.Column<string>(nullable: false),
                Hint = table.Column<string>(maxLength: 8, nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AppSecrets", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoles",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                Name = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedName = table.Column<string>(maxLength: 256, nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoles", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUsers",
            columns: table => new
            {
                Id = table.Column<string>(nullable: false),
                DisplayName = table.Column<string>(nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUsers", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AuditEvents",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                AtUtc = table.Column<DateTime>(nullable: false),
                UserId = table.Column<string>(maxLength: 450, nullable: true),
                Actor = table.Column<string>(maxLength: 256, nullable: false),
                Action = table.Column<string>(maxLength: 64, nullable: false),
                Subject = table.Column<string>(maxLength: 256, nullable: false),
                Details = table.Column<string>(maxLength: 4000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditEvents", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "Brands",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                TimeZoneId = table.Column<string>(maxLength: 64, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Brands", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "SandboxAccounts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Handle = table.Column<string>(maxLength: 64, nullable: false),
                DisplayName = table.Column<string>(maxLength: 100, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SandboxAccounts", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "SandboxSwitches",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Mode = table.Column<string>(maxLength: 32, nullable: false),
                RemainingFailures = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SandboxSwitches", x => x.Id);
            });

        migrationBuilder.CreateTable(
            name: "AspNetRoleClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                RoleId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserClaims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<string>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                table.ForeignKey(
                    name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserLogins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey(
                    name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserRoles",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                RoleId = table.Column<string>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                    column: x => x.RoleId,
                    principalTable: "AspNetRoles",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
                table.ForeignKey(
                    name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "AspNetUserTokens",
            columns: table => new
            {
                UserId = table.Column<string>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey(
                    name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Channels",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                BrandId = table.Column<int>(nullable: false),
                PlatformKey = table.Column<string>(maxLength: 32, nullable: false),
                AccountId = table.Column<string>(maxLength: 200, nullable: false),
                DisplayName = table.Column<string>(maxLength: 200, nullable: false),
                Handle = table.Column<string>(maxLength: 200, nullable: true),
                ProtectedGrant = table.Column<string>(nullable: false),
                TokenExpiresUtc = table.Column<DateTime>(nullable: true),
                Status = table.Column<string>(maxLength: 32, nullable: false),
                StatusReason = table.Column<string>(maxLength: 1000, nullable: true),
                ConnectedUtc = table.Column<DateTime>(nullable: false),
                ConnectedByUserId = table.Column<string>(maxLength: 450, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Channels", x => x.Id);
                table.ForeignKey(
                    name: "FK_Channels_Brands_BrandId",
                    column: x => x.BrandId,
                    principalTable: "Brands",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Posts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                BrandId = table.Column<int>(nullable: false),
                Text = table.Column<string>(nullable: false),
                AuthorId = table.Column<string>(maxLength: 450, nullable: false),
                AuthorName = table.Column<string>(maxLength: 256, nullable: false),
                CreatedUtc = table.Column<DateTime>(nullable: false),
                UpdatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Posts", x => x.Id);
                table.ForeignKey(
                    name: "FK_Posts_Brands_BrandId",
                    column: x => x.BrandId,
                    principalTable: "Brands",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "SandboxCredentials",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                AccountId = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                Hash = table.Column<string>(maxLength: 64, nullable: false),
                ExpiresUtc = table.Column<DateTime>(nullable: false),
                Used = table.Column<bool>(nullable: false),
                RedirectUri = table.Column<string>(maxLength: 2048, nullable: true),
                CodeChallenge = table.Column<string>(maxLength: 128, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SandboxCredentials", x => x.Id);
                table.ForeignKey(
                    name: "FK_SandboxCredentials_SandboxAccounts_AccountId",
                    column: x => x.AccountId,
                    principalTable: "SandboxAccounts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "SandboxPosts",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                AccountId = table.Column<int>(nullable: false),
                Text = table.Column<string>(nullable: false),
                IdempotencyKey = table.Column<string>(maxLength: 64, nullable: true),
                CreatedUtc = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SandboxPosts", x => x.Id);
                table.ForeignKey(
                    name: "FK_SandboxPosts_SandboxAccounts_AccountId",
                    column: x => x.AccountId,
                    principalTable: "SandboxAccounts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PostTargets",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                PostId = table.Column<int>(nullable: false),
                ChannelId = table.Column<int>(nullable: false),
                VariantText = table.Column<string>(nullable: true),
                DueUtc = table.Column<DateTime>(nullable: true),
                PlannedTimeZoneId = table.Column<string>(maxLength: 64, nullable: true),
                State = table.Column<string>(maxLength: 32, nullable: false),
                StateChangedUtc = table.Column<DateTime>(nullable: false),
                IdempotencyKey = table.Column<string>(maxLength: 64, nullable: false),
                ClaimId = table.Column<Guid>(nullable: true),
                AttemptCount = table.Column<int>(nullable: false),
                NextAttemptUtc = table.Column<DateTime>(nullable: true),
                PlatformPostId = table.Column<string>(maxLength: 200, nullable: true),
                PlatformUrl = table.Column<string>(maxLength: 2048, nullable: true),
                PublishedUtc = table.Column<DateTime>(nullable: true),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PostTargets", x => x.Id);
                table.ForeignKey(
                    name: "FK_PostTargets_Channels_ChannelId",
                    column: x => x.ChannelId,
                    principalTable: "Channels",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_PostTargets_Posts_PostId",
                    column: x => x.PostId,
                    principalTable: "Posts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "PublishAttempts",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                TargetId = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                StartedUtc = table.Column<DateTime>(nullable: false),
                FinishedUtc = table.Column<DateTime>(nullable: true),
                RequestFingerprint = table.Column<string>(maxLength: 64, nullable: false),
                Outcome = table.Column<string>(maxLength: 32, nullable: false),
                FailureKind = table.Column<string>(maxLength: 32, nullable: true),
                PlatformCode = table.Column<string>(maxLength: 100, nullable: true),
                Message = table.Column<string>(maxLength: 2000, nullable: true),
                RetryAfterUtc = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PublishAttempts", x => x.Id);
                table.ForeignKey(
                    name: "FK_PublishAttempts_PostTargets_TargetId",
                    column: x => x.TargetId,
                    principalTable: "PostTargets",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex(
            name: "IX_AppSecrets_Name",
            table: "AppSecrets",
            column: "Name",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AspNetRoleClaims_RoleId",
            table: "AspNetRoleClaims",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "RoleNameIndex",
            table: "AspNetRoles",
            column: "NormalizedName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserClaims_UserId",
            table: "AspNetUserClaims",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserLogins_UserId",
            table: "AspNetUserLogins",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_AspNetUserRoles_RoleId",
            table: "AspNetUserRoles",
            column: "RoleId");

        migrationBuilder.CreateIndex(
            name: "EmailIndex",
            table: "AspNetUsers",
            column: "NormalizedEmail");

        migrationBuilder.CreateIndex(
            name: "UserNameIndex",
            table: "AspNetUsers",
            column: "NormalizedUserName",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_AuditEvents_AtUtc",
            table: "AuditEvents",
            column: "AtUtc");

        migrationBuilder.CreateIndex(
            name: "IX_Channels_BrandId_PlatformKey_AccountId",
            table: "Channels",
            columns: new[] { "BrandId", "PlatformKey", "AccountId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_Posts_BrandId",
            table: "Posts",
            column: "BrandId");

        migrationBuilder.CreateIndex(
            name: "IX_Posts_CreatedUtc",
            table: "Posts",
            column: "CreatedUtc");

        migrationBuilder.CreateIndex(
            name: "IX_PostTargets_ChannelId",
            table: "PostTargets",
            column: "ChannelId");

        migrationBuilder.CreateIndex(
            name: "IX_PostTargets_ClaimId",
            table: "PostTargets",
            column: "ClaimId");

        migrationBuilder.CreateIndex(
            name: "IX_PostTargets_IdempotencyKey",
            table: "PostTargets",
            column: "IdempotencyKey",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_PostTargets_PostId_ChannelId",
            table: "PostTargets",
            columns: new[] { "PostId", "ChannelId" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_PostTargets_State_DueUtc",
            table: "PostTargets",
            columns: new[] { "State", "DueUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_PostTargets_State_NextAttemptUtc",
            table: "PostTargets",
            columns: new[] { "State", "NextAttemptUtc" });

        migrationBuilder.CreateIndex(
            name: "IX_PublishAttempts_TargetId_Number",
            table: "PublishAttempts",
            columns: new[] { "TargetId", "Number" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_SandboxAccounts_Handle",
            table: "SandboxAccounts",
            column: "Handle",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_SandboxCredentials_AccountId",
            table: "SandboxCredentials",
            column: "AccountId");

        migrationBuilder.CreateIndex(
            name: "IX_SandboxCredentials_Hash",
            table: "SandboxCredentials",
            column: "Hash",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_SandboxPosts_AccountId_IdempotencyKey",
            table: "SandboxPosts",
            columns: new[] { "AccountId", "IdempotencyKey" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_SandboxPosts_CreatedUtc",
            table: "SandboxPosts",
            column: "CreatedUtc");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "PublishAttempts");
        migrationBuilder.DropTable(name: "PostTargets");
        migrationBuilder.DropTable(name: "SandboxPosts");
        migrationBuilder.DropTable(name: "SandboxCredentials");
        migrationBuilder.DropTable(name: "Posts");
        migrationBuilder.DropTable(name: "Channels");
        migrationBuilder.DropTable(name: "AspNetUserTokens");
        migrationBuilder.DropTable(name: "AspNetUserRoles");
        migrationBuilder.DropTable(name: "AspNetUserLogins");
        migrationBuilder.DropTable(name: "AspNetUserClaims");
        migrationBuilder.DropTable(name: "AspNetRoleClaims");
        migrationBuilder.DropTable(name: "SandboxSwitches");
        migrationBuilder.DropTable(name: "SandboxAccounts");
        migrationBuilder.DropTable(name: "Brands");
        migrationBuilder.DropTable(name: "AuditEvents");
        migrationBuilder.DropTable(name: "AspNetUsers");
        migrationBuilder.DropTable(name: "AspNetRoles");
        migrationBuilder.DropTable(name: "AppSecrets");
    }
}
