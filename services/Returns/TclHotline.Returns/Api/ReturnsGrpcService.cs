using ReturnsApi = TclHotline.Grpc.Returns.V1.Returns;

namespace TclHotline.Returns.Api;

/// <summary>The returns service (tclhotline.returns.v1): validate → application → map.</summary>
public sealed class ReturnsGrpcService : ReturnsApi.ReturnsBase
{
}
