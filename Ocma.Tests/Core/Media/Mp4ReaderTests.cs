using Ocma.Core.Media;
using Ocma.Tests.Support;

namespace Ocma.Tests.Core.Media;

public sealed class Mp4ReaderTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(0, true)]
    public void Read_FindsDurationAndPictureSize_WhateverTheHeaderVersionOrWhereTheMovieBoxIs(int version, bool movieAtEnd)
    {
        var path = TestImages.WriteTempFile("clip.mp4", TestVideos.Mp4(TimeSpan.FromSeconds(42.5), 1920, 1080, version, movieAtEnd: movieAtEnd));

        Assert.Equal(new VideoInfo(TimeSpan.FromSeconds(42.5), 1920, 1080), Mp4Reader.Read(path));
    }

    [Fact]
    public void Read_QuarterTurnedTrack_IsReportedTheWayItIsShown()
    {
        var path = TestImages.WriteTempFile("phone.mp4", TestVideos.Mp4(TimeSpan.FromSeconds(10), 1920, 1080, rotated: true));

        Assert.Equal((1080, 1920), Mp4Reader.Read(path) is { } info ? (info.Width, info.Height) : default);
    }

    [Fact]
    public void Read_CutShortOrSoundOnly_IsNull()
    {
        Assert.Null(Mp4Reader.Read(TestImages.WriteTempFile("cut.mp4", TestVideos.CutShort(TimeSpan.FromSeconds(5)))));
        Assert.Null(Mp4Reader.Read(TestImages.WriteTempFile("song.mp4", TestVideos.AudioOnly(TimeSpan.FromSeconds(5)))));
    }

    [Fact]
    public void Sniff_TellsMp4FromQuickTimeFromHeifStills()
    {
        Assert.Equal(MediaSniffer.Mp4, MediaSniffer.Sniff(TestVideos.Mp4(TimeSpan.FromSeconds(1))));
        Assert.Equal(MediaSniffer.QuickTime, MediaSniffer.Sniff(TestVideos.QuickTime(TimeSpan.FromSeconds(1))));
        Assert.Null(MediaSniffer.Sniff(TestVideos.Mp4(TimeSpan.FromSeconds(1), brand: "heic")));
    }

    [Theory]
    [InlineData(42.0, "0:42")]
    [InlineData(42.2, "0:43")]
    [InlineData(140, "2:20")]
    [InlineData(3723, "1:02:03")]
    public void Describe_ShowsDurationLikeAPlayer(double seconds, string expected) =>
        Assert.Equal(expected, MediaDuration.Describe(TimeSpan.FromSeconds(seconds)));
}
