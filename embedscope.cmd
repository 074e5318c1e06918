@echo off
rem Runs embedscope on Windows, building target\embedscope.jar first when it is missing (run
rem "mvn -B -DskipTests package" again after changing the sources). With no arguments it opens the
rem explorer on the bundled MNIST data (assets\mnist). Extra JVM options: set EMBEDSCOPE_JAVA_OPTS.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%target\embedscope.jar"
if not exist "%JAR%" (
  echo embedscope: building "%JAR%" ... 1>&2
  pushd "%HERE%"
  call mvn -B -q -DskipTests package 1>&2
  popd
  if not exist "%JAR%" exit /b 1
)
rem embedscope.home: where the default bundle (assets\mnist) and the GLSL sources (shaders\) are;
rem "%HERE%." because a trailing backslash would escape the closing quote.
if "%~1"=="" (
  java -XX:+UseSerialGC -Xshare:auto "-Dembedscope.home=%HERE%." "-Dembedscope.command=%~f0" %EMBEDSCOPE_JAVA_OPTS% -jar "%JAR%" explore
) else (
  java -XX:+UseSerialGC -Xshare:auto "-Dembedscope.home=%HERE%." "-Dembedscope.command=%~f0" %EMBEDSCOPE_JAVA_OPTS% -jar "%JAR%" %*
)
exit /b %ERRORLEVEL%
