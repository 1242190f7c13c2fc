using System.Globalization;
using Microsoft.AspNetCore.Components;
using Ocma.Core.Drafting;
using Ocma.Web.Components.Shared;

namespace Ocma.Web.Features.Admin;

public partial class AiUsagePage
{
    private DateTime _month;
    private UsageReport? _report;
    private string? _error;

    [Inject]
    private UsageReportService Usage { get; set; } = default!;

    [Inject]
    private CurrentActor CurrentActor { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <summary>The charts' points: the day of the month, the day's cost and its number of calls.</summary>
    private IReadOnlyList<ChartDay> ChartDays => _report?.Days
        .Select(d => new ChartDay(d.Day.Day.ToString(CultureInfo.InvariantCulture), (double)d.Cost, d.Calls)).ToList() ?? [];

    private string MonthName => _month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    protected override async Task OnInitializedAsync()
    {
        var now = Time.GetUtcNow().UtcDateTime;
        _month = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var result = await Usage.GetMonthAsync(await CurrentActor.GetAsync(), _month.Year, _month.Month, CancellationToken.None);
        _report = result.Succeeded ? result.Value : null;
        _error = result.Error;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    internal static string Money(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    private sealed record ChartDay(string Day, double Cost, int Calls);
}
