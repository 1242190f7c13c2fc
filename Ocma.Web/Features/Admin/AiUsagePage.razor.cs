using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ocma.Core.Drafting;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Admin;

public partial class AiUsagePage
{
    private DateTime? _month;
    private UsageReport? _report;
    private string? _error;

    [Inject]
    private UsageReportService Usage { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>The charts' x axis: the days of the month (every fifth labelled, so they stay readable).</summary>
    private string[] DayLabels => _report?.Days.Select(d => d.Day.Day % 5 == 1 ? d.Day.Day.ToString(CultureInfo.InvariantCulture) : "").ToArray() ?? [];

    private List<ChartSeries<double>> CostSeries => [new() { Name = "Cost", Data = _report?.Days.Select(d => (double)d.Cost).ToArray() ?? [] }];

    private List<ChartSeries<double>> CallSeries => [new() { Name = "Calls", Data = _report?.Days.Select(d => (double)d.Calls).ToArray() ?? [] }];

    private string MonthName => (_month ?? default).ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    protected override async Task OnInitializedAsync()
    {
        var now = Time.GetUtcNow().UtcDateTime;
        _month = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        await LoadAsync();
    }

    private async Task MonthChangedAsync(DateTime? month)
    {
        _month = month is DateTime picked ? new DateTime(picked.Year, picked.Month, 1, 0, 0, 0, DateTimeKind.Utc) : _month;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var month = _month!.Value;
        var result = await Usage.GetMonthAsync(await CurrentActor.GetAsync(), month.Year, month.Month, CancellationToken.None);
        _report = result.Succeeded ? result.Value : null;
        _error = result.Error;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Money(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);
}
