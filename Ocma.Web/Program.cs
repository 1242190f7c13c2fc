using Ocma.Connectors;
using Ocma.Core;
using Ocma.Core.Drafting;
using Ocma.Web.Endpoints;
using Ocma.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOcmaLogging();
builder.Services.AddOcmaCore(builder.Configuration);
builder.Services.AddOcmaDrafting(builder.Configuration);
builder.Services.AddOcmaConnectors(builder.Configuration);
builder.AddOcmaWeb();

var app = builder.Build();
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

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
