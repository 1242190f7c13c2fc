using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;
using Ocma.Core.Channels;
using Ocma.Core.Secrets;

namespace Ocma.Tests.Core;

/// <summary>Sealed OAuth state expires on Ocma's clock alone, wherever the machine's clock stands.</summary>
public sealed class ExpiringProtectorTests
{
    private static readonly OAuthState State = new("nonce-1", "user-1", 1, "sandbox", "verifier", "/channels", null);

    [Theory]
    [InlineData(-30)]
    [InlineData(0)]
    [InlineData(30)]
    public void Open_WithinItsLifetimeOnOcmasClock_OpensWhateverTheMachineClockSays(int yearsFromMachineClock)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(yearsFromMachineClock));
        var codec = new OAuthStateCodec(new EphemeralDataProtectionProvider(), clock);
        var sealedState = codec.Seal(State);

        clock.Advance(OAuthStateCodec.Lifetime - TimeSpan.FromSeconds(1));

        Assert.Equal(State, codec.Open(sealedState));
    }

    [Fact]
    public void Open_AfterItsLifetimeOnOcmasClock_IsRefused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddYears(30));
        var codec = new OAuthStateCodec(new EphemeralDataProtectionProvider(), clock);
        var sealedState = codec.Seal(State);

        clock.Advance(OAuthStateCodec.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Null(codec.Open(sealedState));
    }

    [Fact]
    public void Open_TamperedOrForeignToken_IsRefused()
    {
        var protector = new ExpiringProtector(new EphemeralDataProtectionProvider().CreateProtector("test"), TimeProvider.System);
        var token = protector.Protect("payload", TimeSpan.FromMinutes(1));

        Assert.Equal("payload", protector.Open(token));
        Assert.Null(protector.Open(token[..^2] + "xx"));
        Assert.Null(protector.Open("not a token"));
    }
}
