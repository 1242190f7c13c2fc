using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocma.Core.Data;
using Microsoft.AspNetCore.Components.Forms;
using Ocma.Tests.Support;
using Ocma.Web.Features.Import;

namespace Ocma.Tests.Web.Pages;

/// <summary>The import page, rendered with bUnit against the real app: what a person sees for a file that cannot be imported.</summary>
public sealed class ImportPageTests : AppComponentTest
{
    private readonly DiskFullSwitch _disk = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.ConfigureDbContext<OcmaDbContext>(o => o.AddInterceptors(_disk));

    [Fact]
    public async Task Import_OnAFullDisk_SaysNothingWasImported_AndKeepsTheFileReadyToTryAgain()
    {
        var admin = await TestUsers.CreateAdminAsync(App);
        await SandboxChannels.ConnectAsync(App, admin);
        SignInAs(admin);
        var cut = RenderInLayout<ImportPage>();
        var csv = $"text,channels,due,media\r\nFrom the spreadsheet,@team,,\r\n";
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "posts.csv", contentType: "text/csv"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".import-confirm")));

        _disk.Full = true;
        await cut.InvokeAsync(() => cut.Find(".import-confirm").Click());

        cut.WaitForAssertion(() => Assert.Equal(
            "Nothing was imported: the disk holding the database is full. Once an Admin has freed space on the server, import the file again.",
            cut.Find(".import-error").TextContent.Trim()));
        Assert.NotEmpty(cut.FindAll(".import-confirm"));
        _disk.Full = false;
        await using var db = await App.Get<IDbContextFactory<OcmaDbContext>>().CreateDbContextAsync();
        Assert.Equal(0, await db.Posts.CountAsync());
    }

    [Fact]
    public async Task Upload_HeaderWithoutRows_ShowsTheServicesMessage()
    {
        SignInAs(await TestUsers.CreateAdminAsync(App));
        var cut = RenderInLayout<ImportPage>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("text,channels,due,media\r\n", "empty.csv", contentType: "text/csv"));

        cut.WaitForAssertion(() => Assert.Contains("a header but no rows", cut.Find(".import-error").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".import-confirm"));
    }
}
