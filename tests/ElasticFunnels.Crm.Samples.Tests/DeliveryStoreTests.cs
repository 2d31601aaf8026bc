using ConversionWebhook;
using Microsoft.Extensions.Time.Testing;

namespace ElasticFunnels.Crm.Samples.Tests;

public sealed class DeliveryStoreTests
{
    [Fact]
    public void TryBegin_Lifecycle_NewInProgressCompletedThenExpires()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var store = new DeliveryStore(clock, TimeSpan.FromHours(1));

        Assert.Equal(DeliveryState.New, store.TryBegin("d"));
        Assert.Equal(DeliveryState.InProgress, store.TryBegin("d"));
        store.Complete("d");
        Assert.Equal(DeliveryState.Completed, store.TryBegin("d"));
        clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(DeliveryState.Completed, store.TryBegin("d"));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(DeliveryState.New, store.TryBegin("d"));
    }

    [Fact]
    public void Abandon_ForgetsTheDelivery()
    {
        var store = new DeliveryStore(new FakeTimeProvider(), TimeSpan.FromHours(1));
        store.TryBegin("d");

        store.Abandon("d");

        Assert.Equal(DeliveryState.New, store.TryBegin("d"));
        Assert.Equal(DeliveryState.New, store.TryBegin("other"));
    }
}
