using Ocma.Core.Posts;

namespace Ocma.Tests.Core;

public sealed class TargetTransitionsTests
{
    [Theory]
    [InlineData(TargetState.Scheduled, TargetState.Publishing)]
    [InlineData(TargetState.Publishing, TargetState.Published)]
    [InlineData(TargetState.Publishing, TargetState.Retrying)]
    [InlineData(TargetState.Retrying, TargetState.Publishing)]
    [InlineData(TargetState.Publishing, TargetState.NeedsAttention)]
    [InlineData(TargetState.Failed, TargetState.Scheduled)]
    [InlineData(TargetState.Draft, TargetState.InReview)]
    public void CanMove_AlongTheLifecycle_IsAllowed(TargetState from, TargetState to) => Assert.True(TargetTransitions.CanMove(from, to));

    [Theory]
    [InlineData(TargetState.Published, TargetState.Scheduled)]
    [InlineData(TargetState.Published, TargetState.Publishing)]
    [InlineData(TargetState.Draft, TargetState.Published)]
    [InlineData(TargetState.Scheduled, TargetState.Published)]
    [InlineData(TargetState.Publishing, TargetState.Scheduled)]
    public void CanMove_SkippingOrUndoingAPublish_IsRefused(TargetState from, TargetState to) => Assert.False(TargetTransitions.CanMove(from, to));

    [Fact]
    public void Published_IsSettledAndNoLongerEditable()
    {
        Assert.True(TargetTransitions.IsSettled(TargetState.Published));
        Assert.False(TargetTransitions.IsEditable(TargetState.Published));
        Assert.False(TargetTransitions.IsSettled(TargetState.Retrying));
    }
}
