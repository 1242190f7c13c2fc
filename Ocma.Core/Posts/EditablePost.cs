namespace Ocma.Core.Posts;

/// <summary>A post as the composer opens it to edit or to duplicate. <see cref="Version"/> is the token an edit must carry back.</summary>
public sealed record EditablePost(int PostId, string Text, string? Notes, string? Campaign, DateTime Version, IReadOnlyList<EditableTarget> Targets, IReadOnlyList<int> MediaIds)
{
    /// <summary>Every channel is still a draft: the composer keeps saving it as one while the person writes.</summary>
    public bool IsDraft => Targets.All(t => t.State == TargetState.Draft);

    /// <summary>The due time the editable targets share (the earliest, should they differ).</summary>
    public DateTime? DueUtc => Targets.Where(t => t.CanChange).Min(t => t.DueUtc);
}

/// <summary>One channel of a post being edited; <see cref="Text"/> is what that channel gets.</summary>
public sealed record EditableTarget(int TargetId, int ChannelId, string ChannelLabel, TargetState State, string? VariantText, string Text, DateTime? DueUtc)
{
    public bool CanChange => PostEditService.CanEdit(State);
}
