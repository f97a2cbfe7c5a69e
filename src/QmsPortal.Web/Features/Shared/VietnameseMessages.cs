using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace QmsPortal.Web.Features.Shared;

/// <summary>Model-binding errors in Vietnamese (the framework's defaults are English).</summary>
public static class VietnameseMessages
{
    public const string Required = "Vui lòng nhập {0}.";
    public const string MaxLength = "{0} dài tối đa {1} ký tự.";

    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueIsInvalidAccessor(v => $"Giá trị \"{v}\" không hợp lệ.");
        messages.SetValueMustBeANumberAccessor(f => $"{f} phải là một số.");
        messages.SetMissingBindRequiredValueAccessor(f => $"Thiếu giá trị cho {f}.");
        messages.SetAttemptedValueIsInvalidAccessor((v, f) => $"Giá trị \"{v}\" không hợp lệ cho {f}.");
        messages.SetMissingKeyOrValueAccessor(() => "Thiếu giá trị.");
        messages.SetUnknownValueIsInvalidAccessor(f => $"Giá trị của {f} không hợp lệ.");
        messages.SetValueMustNotBeNullAccessor(v => $"Vui lòng nhập giá trị \"{v}\".");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"Giá trị \"{v}\" không hợp lệ.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Giá trị không hợp lệ.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Giá trị phải là một số.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Thiếu nội dung yêu cầu.");
    }
}
