using Callout.Dashboard.Viewers;

namespace Callout.Dashboard.SignIn;

/// <summary>
/// <c>dotnet Callout.Dashboard.dll hash-password</c>: reads a password from standard input and prints the
/// hash to put in Auth:Users:N:PasswordHash, so no plain password is ever written into settings.
/// </summary>
public static class PasswordHashCommand
{
    public static int Run(TextReader input, TextWriter output)
    {
        if (!Console.IsInputRedirected)
        {
            output.Write("Password: ");
        }
        var password = input.ReadLine();
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("No password given on standard input.");
            return 2;
        }
        output.WriteLine(LocalUsers.Hash(password));
        return 0;
    }
}
