Console.WriteLine("Crm.Benchmarks: suites arrive with the benchmarks issue.");
