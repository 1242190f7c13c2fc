namespace Ocma.Tests.Fakes.Instagram;

public sealed record InstagramFakeToken(bool LongLived, DateTimeOffset Issued, DateTimeOffset Expires);

public sealed record InstagramFakeContainer(string Id, string? Caption, bool CarouselItem, IReadOnlyList<string> Children, DateTimeOffset Created)
{
    public int PollsLeft { get; set; }

    public bool Published { get; set; }
}

public sealed record InstagramFakeMedia(string Id, string Caption, DateTimeOffset Timestamp, string ContainerId);

public sealed record InstagramFakeFetch(Uri Url, int Status, string? ContentType, byte[] Body);
