using Ocma.Core.Posts;

namespace Ocma.Web.Components.Shared;

/// <summary>A target's state in the words the console uses everywhere.</summary>
public static class StateText
{
    public static string Of(TargetState state) => state switch
    {
        TargetState.NeedsAttention => "Needs attention",
        TargetState.InReview => "In review",
        _ => state.ToString(),
    };
}
