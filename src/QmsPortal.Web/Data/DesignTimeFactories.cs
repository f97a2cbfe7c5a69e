using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace QmsPortal.Web.Data;

// Used only by `dotnet ef migrations add` (see README, "Changing the schema").
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteQmsDbContext>
{
    public SqliteQmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteQmsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresQmsDbContext>
{
    public PostgresQmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresQmsDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
