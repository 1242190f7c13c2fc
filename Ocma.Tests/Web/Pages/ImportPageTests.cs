using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Ocma.Tests.Support;
using Ocma.Web.Features.Import;

namespace Ocma.Tests.Web.Pages;

/// <summary>The import page, rendered with bUnit against the real app: what a person sees for a file that cannot be imported.</summary>
public sealed class ImportPageTests : AppComponentTest
{
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
