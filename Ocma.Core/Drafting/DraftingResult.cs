namespace Ocma.Core.Drafting;

/// <summary>The outcome of a drafting use case: a value, or a failure in words; plus the budget state to show beside it.</summary>
public sealed class DraftingResult<T>
{
    private readonly T? _value;

    private DraftingResult(T? value, DraftingFailure? failure, BudgetStatus? budget)
    {
        _value = value;
        Failure = failure;
        Budget = budget;
    }

    public DraftingFailure? Failure { get; }

    /// <summary>The brand's budget after the call; null when only the built-in drafter was used.</summary>
    public BudgetStatus? Budget { get; }

    public bool Succeeded => Failure is null;

    public T Value => Failure is null ? _value! : throw new InvalidOperationException($"Drafting failed: {Failure.Message}");

    public static DraftingResult<T> Ok(T value, BudgetStatus? budget) => new(value, null, budget);

    public static DraftingResult<T> Fail(DraftingFailure failure, BudgetStatus? budget) => new(default, failure, budget);
}
