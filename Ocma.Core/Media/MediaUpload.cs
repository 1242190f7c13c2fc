namespace Ocma.Core.Media;

/// <summary>One file as the browser sent it: its name, the type it claimed, and its bytes.</summary>
public sealed record MediaUpload(int BrandId, string FileName, string? DeclaredContentType, Stream Content);
