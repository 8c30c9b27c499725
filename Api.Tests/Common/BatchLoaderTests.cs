using OurSociety.Federation.Api.Common;

namespace OurSociety.Federation.Api.Tests.Common;

public sealed class BatchLoaderTests
{
    [Fact]
    public async Task Keys_asked_for_before_the_first_result_is_awaited_are_fetched_in_one_batch_once_each()
    {
        var batches = new List<IReadOnlyList<int>>();
        var loader = new BatchLoader<int, string>((keys, _) =>
        {
            batches.Add(keys);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => $"org {k}"));
        });

        var results = Enumerable.Range(0, 50).Select(i => loader.Load(i % 10)).ToArray();
        var values = await Task.WhenAll(results.Select(r => r.GetResultAsync()));

        Assert.Single(batches);
        Assert.Equal(Enumerable.Range(0, 10), batches[0].Order());
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"org {i % 10}"), values);
    }

    [Fact]
    public async Task A_key_already_loaded_is_not_fetched_again_and_a_missing_key_gives_null()
    {
        var fetched = new List<int>();
        var loader = new BatchLoader<int, string>((keys, _) =>
        {
            fetched.AddRange(keys);
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.Where(k => k != 7).ToDictionary(k => k, k => $"org {k}"));
        });

        await loader.Load(1).GetResultAsync();
        var again = await loader.Load(1).GetResultAsync();
        var missing = await loader.Load(7).GetResultAsync();

        Assert.Equal("org 1", again);
        Assert.Null(missing);
        Assert.Equal([1, 7], fetched);
    }

    [Fact]
    public async Task After_forgetting_what_it_fetched_a_loader_fetches_a_key_afresh_while_a_pending_result_still_completes()
    {
        var fetches = 0;
        var loader = new BatchLoader<int, string>((keys, _) =>
            Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => $"org {k} #{++fetches}")));

        Assert.Equal("org 1 #1", await loader.Load(1).GetResultAsync());
        var pending = loader.Load(2);
        loader.ForgetFetched();

        Assert.Equal("org 2 #2", await pending.GetResultAsync());
        Assert.Equal("org 1 #3", await loader.Load(1).GetResultAsync());
    }

    [Fact]
    public async Task A_failed_batch_fails_every_result_in_it()
    {
        var loader = new BatchLoader<int, string>((_, _) => throw new TimeoutException("silo did not answer"));

        var first = loader.Load(1);
        var second = loader.Load(2);

        await Assert.ThrowsAsync<TimeoutException>(() => first.GetResultAsync());
        await Assert.ThrowsAsync<TimeoutException>(() => second.GetResultAsync());
    }
}
