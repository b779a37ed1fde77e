using System.Reflection;

namespace TargetRunner.Parameters;

/// <summary>A <c>[Parameter]</c> field or property of a build, with the names it is bound by.</summary>
internal sealed class ParameterMember
{
    private const BindingFlags InstanceMembers = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    private readonly FieldInfo? _field;
    private readonly PropertyInfo? _property;

    private ParameterMember(MemberInfo member, ParameterAttribute attribute, bool isSecret)
    {
        Member = member;
        Name = attribute.Name ?? member.Name;
        Description = attribute.Description;
        Separator = attribute.Separator;
        IsListed = attribute.List;
        IsSecret = isSecret;
        _field = member as FieldInfo;
        _property = member as PropertyInfo;
        ValueType = _field?.FieldType ?? _property!.PropertyType;
    }

    public MemberInfo Member { get; }

    /// <summary>The member name (or <see cref="ParameterAttribute.Name"/>): the key in <c>parameters.json</c>.</summary>
    public string Name { get; }

    public string? Description { get; }

    public string? Separator { get; }

    public bool IsListed { get; }

    public bool IsSecret { get; }

    public Type ValueType { get; }

    public string CliName => "--" + NameFormat.ToKebabCase(Name);

    public string EnvironmentName => NameFormat.ToEnvironmentName(Name);

    public static List<ParameterMember> Discover(Type type)
    {
        var result = new List<ParameterMember>();
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var member in current.GetMembers(InstanceMembers | BindingFlags.DeclaredOnly).OrderBy(m => m.MetadataToken))
            {
                if (member is not (FieldInfo or PropertyInfo) || member.GetCustomAttribute<ParameterAttribute>() is not { } attribute)
                {
                    continue;
                }

                var secret = member.GetCustomAttribute<SecretAttribute>() is not null;
                result.Add(new ParameterMember(member, attribute, secret));
            }
        }

        return result;
    }

    public object? GetValue(object target) => _field is not null ? _field.GetValue(target) : _property!.GetValue(target);

    public void SetValue(object target, object? value)
    {
        if (_field is not null)
        {
            _field.SetValue(target, value);
            return;
        }

        if (_property!.SetMethod is { } setter)
        {
            setter.Invoke(target, [value]);
            return;
        }

        // A get-only auto-property: set its compiler-generated backing field.
        var backingField = _property.DeclaringType!.GetField($"<{_property.Name}>k__BackingField", InstanceMembers)
            ?? throw new BuildException($"Parameter '{Name}' is a property without a setter or backing field.");
        backingField.SetValue(target, value);
    }

    /// <summary>The underlying element type for nullable and array parameters.</summary>
    public Type ElementType
    {
        get
        {
            var type = ValueType.IsArray ? ValueType.GetElementType()! : ValueType;
            return Nullable.GetUnderlyingType(type) ?? type;
        }
    }

    public bool IsBool => ElementType == typeof(bool) && !ValueType.IsArray;
}
