using MudBlazor;

namespace Ocma.Web.Components.Shared;

/// <summary>Chart options the console's charts share: no legend for a single series, and an axis in round steps that suit the values.</summary>
public static class ChartScale
{
    public static BarChartOptions Bars(IEnumerable<double> values, string format = "0") =>
        new() { ShowLegend = false, ShowValues = true, YAxisTicks = Step(values), YAxisFormat = format };

    public static LineChartOptions Line(IEnumerable<double> values, string format = "0") =>
        new() { ShowLegend = false, YAxisTicks = Step(values), YAxisFormat = format };

    /// <summary>About four gridlines up to the largest value, in whole steps (at least 1).</summary>
    private static int Step(IEnumerable<double> values) => Math.Max(1, (int)Math.Ceiling(values.DefaultIfEmpty(0).Max() / 4));
}
