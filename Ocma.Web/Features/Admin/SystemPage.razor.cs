using System.Globalization;
using Microsoft.AspNetCore.Components;
using Ocma.Core.Brands;
using Ocma.Web.Components.Shared;
using Ocma.Core.Operations;

namespace Ocma.Web.Features.Admin;

public partial class SystemPage
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _closing = new();
    private SystemStatus? _status;
    private string _zone = BrandService.DefaultTimeZone;

    [Inject]
    private SystemStatusService Status { get; set; } = default!;

    [Inject]
    private CurrentBrand CurrentBrand { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _zone = (await CurrentBrand.GetAsync()).TimeZoneId;
        _status = await Status.GetAsync(CancellationToken.None);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _ = RefreshPeriodicallyAsync(); // only once interactive: the prerender has no circuit to push to
        }
    }

    private async Task RefreshAsync() => _status = await Status.GetAsync(_closing.Token);

    private async Task RefreshPeriodicallyAsync()
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_closing.Token))
            {
                await InvokeAsync(async () =>
                {
                    await RefreshAsync();
                    StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
            // the page closed
        }
    }

    private static string Lag(TimeSpan span) => span.TotalDays >= 1
        ? $"{(int)span.TotalDays} d {span.Hours} h"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : span.TotalMinutes >= 1 ? $"{span.Minutes} min {span.Seconds} s" : $"{Math.Max(0, span.TotalSeconds):0} s";

    private static string Size(long? bytes) => bytes switch
    {
        null => "not a local SQLite file",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        >= 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.#} GB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    // Cancelled, not disposed: a refresh already queued on the renderer may still read the token.
    public void Dispose() => _closing.Cancel();
}
