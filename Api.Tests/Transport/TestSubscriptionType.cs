using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace OurSociety.Federation.Api.Tests.Transport;

/// <summary>
/// Streams for the WebSocket tests: <c>ticks(count)</c> counts up and completes; <c>forever(key)</c> sends 0 and never
/// completes, reporting its subscription and disposal through <see cref="StreamProbe"/>; <c>failing</c> sends 1 and then
/// fails with an exception whose message must never reach the client; <c>whoami</c> names the operation's user;
/// <c>scoped</c> gives the id of the operation's scoped <see cref="ScopedMarker"/>.
/// </summary>
public sealed class TestSubscriptionType : ObjectGraphType
{
    public TestSubscriptionType()
    {
        Name = "Subscription";
        Field<NonNullGraphType<IntGraphType>, int>("ticks")
            .Argument<NonNullGraphType<IntGraphType>>("count")
            .ResolveStream(context =>
            {
                var count = context.GetArgument<int>("count");
                return new TestObservable<int>(observer =>
                {
                    for (var tick = 1; tick <= count; tick++)
                    {
                        observer.OnNext(tick);
                    }

                    observer.OnCompleted();
                    return () => { };
                });
            });

        Field<NonNullGraphType<IntGraphType>, int>("forever")
            .Argument<NonNullGraphType<StringGraphType>>("key")
            .ResolveStream(context =>
            {
                var probe = StreamProbe.For(context.GetArgument<string>("key"));
                return new TestObservable<int>(observer =>
                {
                    probe.Subscribed.TrySetResult();
                    observer.OnNext(0);
                    return () => probe.Disposed.TrySetResult();
                });
            });

        Field<NonNullGraphType<IntGraphType>, int>("failing")
            .ResolveStream(_ => new TestObservable<int>(observer =>
            {
                observer.OnNext(1);
                observer.OnError(new InvalidOperationException(TestQueryType.SecretMessage));
                return () => { };
            }));

        Field<NonNullGraphType<StringGraphType>, string>("whoami")
            .ResolveStream(context => new TestObservable<string>(observer =>
            {
                observer.OnNext(context.User?.Identity?.Name ?? "anonymous");
                observer.OnCompleted();
                return () => { };
            }));

        Field<NonNullGraphType<StringGraphType>, string>("scoped")
            .ResolveStream(context =>
            {
                var marker = context.RequestServices!.GetRequiredService<ScopedMarker>();
                return new TestObservable<string>(observer =>
                {
                    observer.OnNext(marker.Id);
                    observer.OnCompleted();
                    return () => { };
                });
            });
    }
}
