using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace OurSociety.Federation.Hosting;

/// <summary>Reads a settings section and checks it now, for the settings that are needed before the host starts.</summary>
public static class HubSettings
{
    /// <summary>
    /// Binds <paramref name="section"/> to <typeparamref name="T"/> and runs its data annotations and
    /// <see cref="IValidatableObject"/> checks, throwing <see cref="OptionsValidationException"/> with every message.
    /// </summary>
    public static T Read<T>(IConfiguration configuration, string section)
        where T : class, new()
    {
        var settings = configuration.GetSection(section).Get<T>() ?? new T();
        var errors = new List<ValidationResult>();
        return Validator.TryValidateObject(settings, new ValidationContext(settings), errors, validateAllProperties: true)
            ? settings
            : throw new OptionsValidationException(section, typeof(T), errors.Select(e => e.ErrorMessage ?? "invalid setting"));
    }
}
