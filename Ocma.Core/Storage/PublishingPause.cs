namespace Ocma.Core.Storage;

/// <summary>Publishing as a whole is paused because Ocma cannot store what it does; <see cref="Reason"/> says why in plain words.</summary>
public sealed record PublishingPause(string Reason, DateTime SinceUtc)
{
    /// <summary>The sentence every page's top bar and the System page show.</summary>
    public string Headline => $"Publishing is paused: {Reason}. Nothing is being sent; it resumes by itself once Ocma can write again.";
}
