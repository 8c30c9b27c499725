using OurSociety.Federation.Api.Common;
using OurSociety.Federation.Feeds;

namespace OurSociety.Federation.Api.Feeds;

public sealed class PostActivityPayloadType() : PayloadGraphType<ActivityType, Activity>(
    "PostActivityPayload", "activity", "The result of postActivity: the posted activity, or why nothing was posted.");
