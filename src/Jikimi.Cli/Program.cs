using Jikimi.Cli;

return await JikimiCli.RunAsync(args, CliContext.ForProcess());
