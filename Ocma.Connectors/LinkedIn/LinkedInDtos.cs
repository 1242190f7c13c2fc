using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ocma.Connectors.LinkedIn;

internal static class LinkedInJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

internal sealed record LinkedInUserInfo(string Sub, string? Name, string? Email);

internal sealed record LinkedInAcls(IReadOnlyList<LinkedInAcl>? Elements);

internal sealed record LinkedInAcl(string? OrganizationalTarget, string? Role, string? State);

internal sealed record LinkedInOrganization(long Id, string? LocalizedName, string? VanityName);

internal sealed record LinkedInInitializeUpload(LinkedInInitializeUploadRequest InitializeUploadRequest);

internal sealed record LinkedInInitializeUploadRequest(string Owner);

internal sealed record LinkedInUploadValue(LinkedInUpload? Value);

internal sealed record LinkedInUpload(string UploadUrl, string Image, long? UploadUrlExpiresAt);

internal sealed record LinkedInImage(string? Id, string? Status);

internal sealed record LinkedInPost(
    string Author,
    string Commentary,
    string Visibility,
    LinkedInDistribution Distribution,
    LinkedInContent? Content,
    string LifecycleState,
    bool IsReshareDisabledByAuthor);

internal sealed record LinkedInDistribution(string FeedDistribution, IReadOnlyList<string> TargetEntities, IReadOnlyList<string> ThirdPartyDistributionChannels);

internal sealed record LinkedInContent(LinkedInMedia? Media, LinkedInMultiImage? MultiImage);

internal sealed record LinkedInMedia(string Id, string? AltText);

internal sealed record LinkedInMultiImage(IReadOnlyList<LinkedInMedia> Images);

internal sealed record LinkedInPosts(IReadOnlyList<LinkedInPostElement>? Elements);

internal sealed record LinkedInPostElement(string Id, string? Author, string? Commentary, long? CreatedAt);

internal sealed record LinkedInError(int? Status, int? ServiceErrorCode, string? Code, string? Message);
