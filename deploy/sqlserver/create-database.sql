-- One service's database and its own login, run by create-databases.sh for each service with sqlcmd
-- variables $(Service) (database and login name) and $(Password). Safe to run again on every start.
-- The login owns its database (the service applies its own migrations at start-up) and nothing else.
IF DB_ID(N'$(Service)') IS NULL
    CREATE DATABASE [$(Service)];
GO
IF SUSER_ID(N'$(Service)') IS NULL
    CREATE LOGIN [$(Service)] WITH PASSWORD = N'$(Password)', DEFAULT_DATABASE = [$(Service)];
ELSE
    ALTER LOGIN [$(Service)] WITH PASSWORD = N'$(Password)';
GO
USE [$(Service)];
GO
IF USER_ID(N'$(Service)') IS NULL
    CREATE USER [$(Service)] FOR LOGIN [$(Service)];
ALTER ROLE db_owner ADD MEMBER [$(Service)];
GO
