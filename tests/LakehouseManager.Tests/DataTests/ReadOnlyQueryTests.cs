using LakehouseManager.DataTests.Sql;
using Xunit;

namespace LakehouseManager.Tests.DataTests;

public sealed class ReadOnlyQueryTests
{
    [Theory]
    [InlineData("DROP VIEW v", "this one starts with DROP")]
    [InlineData("SELECT 1; SELECT 2", "this one has a second statement after ';': SELECT")]
    [InlineData("SELECT 1;;", "this one has a second statement after ';': ';'")]
    [InlineData("\"orders\"", "this one starts with '\"orders\"'")]
    [InlineData("((", "this one starts with nothing but '('")]
    [InlineData("WITH x AS (SELECT 1)", "nothing follows its WITH clause")]
    [InlineData("WITH x AS (SELECT 1) DELETE FROM t", "after its WITH clause comes DELETE")]
    [InlineData("WITH x (SELECT 1) SELECT 1", "its WITH clause is not 'WITH name AS (query), … SELECT …'")]
    [InlineData("WITH x AS (SELECT 1 SELECT 1", "its WITH clause is not 'WITH name AS (query), … SELECT …'")]
    [InlineData("SELECT \"a", "this one has a quoted name (\"…\") that is never closed")]
    [InlineData("SELECT 1 /* x", "this one has a comment (/* … */) that is never closed")]
    [InlineData("SELECT [']; DROP VIEW v; SELECT [']", "this one has a second statement after ';': DROP (when ` and [ ] quote names, as some engines read it)")]
    [InlineData("SELECT 1 --\r'\n; DROP VIEW v --'", "this one has a second statement after ';': DROP (when only a line feed ends a -- comment, as some engines read it)")]
    public void A_refusal_says_what_the_text_is_instead_of_one_query(string sql, string reason) =>
        Assert.Equal($"{ReadOnlyQuery.Rule}; {reason}", ReadOnlyQuery.Refusal(sql));

    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("  /* lead */ -- line\n  sElEcT * FROM t; -- trailing\n/* end */")]
    [InlineData("VALUES (1, 'a;b')")]
    [InlineData("WITH a AS NOT MATERIALIZED (SELECT 1), b AS MATERIALIZED (SELECT 2) VALUES (3)")]
    [InlineData("SELECT * FROM t AT BRANCH \"feature/q3\" WHERE note = 'DROP VIEW x; -- \"'")]
    [InlineData("SELECT 'a\\\\', \"it's\" FROM t")]
    public void One_read_only_query_is_accepted(string sql) =>
        Assert.Null(ReadOnlyQuery.Refusal(sql));
}
