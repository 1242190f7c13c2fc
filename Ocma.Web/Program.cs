using Ocma.Connectors;
using Ocma.Core;
using Ocma.Core.Drafting;
using Ocma.Web.Endpoints;
using Ocma.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (SettingsCheck.DataFolderProblems(builder.Configuration) is { Count: > 0 } folderProblems)
{
    return SettingsCheck.Refuse(folderProblems);
}

builder.AddOcmaLogging();
builder.Services.AddOcmaCore(builder.Configuration);
builder.Services.AddOcmaDrafting(builder.Configuration);
builder.Services.AddOcmaConnectors(builder.Configuration);
builder.AddOcmaWeb();

var optionTypes = SettingsCheck.OptionTypes(builder.Services);
var app = builder.Build();
if (SettingsCheck.OptionsProblems(app.Services, optionTypes) is { Count: > 0 } settingProblems)
{
    return SettingsCheck.Refuse(settingProblems); // before the database is touched
}

await app.InitializeDatabaseAsync();
app.UseOcmaPipeline();
app.MapHealthEndpoints();
app.MapAccountEndpoints();
app.MapBrandEndpoints();
app.MapOAuthEndpoints();
app.MapSandboxEndpoints();
app.MapExportEndpoints();
app.MapCalendarFeedEndpoints();
app.MapMediaEndpoints();
app.MapOcmaComponents();
app.Run();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
