namespace OurSociety.Federation.Grains.Tests.Storage;

/// <summary>Registers reminders, so tests can drive the reminder table through the real reminder service.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    /// <summary>Registers (or updates) a reminder and returns how many the grain now has.</summary>
    Task<int> RegisterAsync(string name);

    /// <summary>Registers (or updates) a reminder first due after <paramref name="due"/> and returns how many the grain now has.</summary>
    Task<int> RegisterAsync(string name, TimeSpan due);

    /// <summary>Unregisters a reminder and returns how many the grain still has.</summary>
    Task<int> UnregisterAsync(string name);
}

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public Task<int> RegisterAsync(string name) => RegisterAsync(name, TimeSpan.FromMinutes(10));

    public async Task<int> RegisterAsync(string name, TimeSpan due)
    {
        await this.RegisterOrUpdateReminder(name, due, TimeSpan.FromMinutes(10));
        return (await this.GetReminders()).Count;
    }

    public async Task<int> UnregisterAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        return (await this.GetReminders()).Count;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderTicks.Add(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }
}
