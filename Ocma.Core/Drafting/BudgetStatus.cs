using System.Globalization;

namespace Ocma.Core.Drafting;

/// <summary>How much of a brand's monthly AI budget is spent, and what to tell people about it.</summary>
public sealed record BudgetStatus(decimal Limit, decimal Spent, double WarnAtFraction, DateTime MonthStartUtc)
{
    public double Fraction => Limit <= 0 ? 1 : (double)(Spent / Limit);

    public bool IsExhausted => Spent >= Limit;

    public bool IsWarning => !IsExhausted && Fraction >= WarnAtFraction;

    /// <summary>Null while nothing needs saying.</summary>
    public string? Message => IsExhausted
        ? string.Create(CultureInfo.InvariantCulture,
            $"This brand's AI budget for {MonthStartUtc:MMMM yyyy} is spent ({Spent:0.00} of {Limit:0.00}). Hosted AI is paused until next month or until an Admin raises the budget; the built-in drafter still works.")
        : IsWarning
            ? string.Create(CultureInfo.InvariantCulture,
                $"This brand has used {Fraction * 100:0} % of its AI budget for {MonthStartUtc:MMMM yyyy} ({Spent:0.00} of {Limit:0.00}).")
            : null;
}
