// The gilpy command: parses CPython's command line (the subset toy scripts and tests use),
// creates the interpreter, runs a script, -c code, -m module, stdin or the REPL, and exits with
// the script's code. An uncaught KeyboardInterrupt ends the process by SIGINT, as CPython does.
#include <unistd.h>

#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "interp/cli/repl.h"
#include "interp/vm.h"
#include "runtime/runtime.h"

namespace {

const char kVersion[] = "gilpy " GILPY_VERSION " (Python 3.11 compatible)";

const char kUsage[] =
    "usage: gilpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options:\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-u     : force the stdout and stderr streams to be unbuffered\n"
    "-V     : print the gilpy version number and exit (also --version)\n"
    "-X gil=POLICY : GIL switching policy (a preset such as cpython3.11, cpython3.9,\n"
    "         ticks, or a policy string; default $GILPY_GIL or cpython3.11)\n"
    "-B, -E, -I, -O, -OO, -q, -s, -S : accepted for compatibility, ignored\n"
    "-W arg : accepted for compatibility, ignored\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n"
    "\n"
    "Environment variables:\n"
    "GILPY_GIL       : default GIL policy (overridden by -X gil=)\n"
    "PYTHONPATH      : ':'-separated list of directories prefixed to the module search path\n"
    "PYTHONUNBUFFERED: same as -u\n";

std::string executable_path(const char* argv0) {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n > 0) return std::string(buf, static_cast<size_t>(n));
  return argv0;
}

int usage_error(const char* msg) {
  std::fprintf(stderr,
               "%s\nusage: gilpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
               "Try `gilpy -h' for more information.\n",
               msg);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  gp::Config config;
  config.executable = executable_path(argv[0]);
  config.install_signal_handlers = true;
  std::string command, module, script;
  bool have_command = false, have_module = false, have_script = false, inspect = false;
  bool ignore_env = false, quiet = false;
  int i = 1;
  for (; i < argc; ++i) {
    const char* a = argv[i];
    if (a[0] != '-' || a[1] == '\0') break;  // the script, or "-" for stdin
    if (std::strcmp(a, "--") == 0) {
      ++i;
      break;
    }
    if (std::strcmp(a, "--version") == 0) {
      std::printf("%s\n", kVersion);
      return 0;
    }
    if (std::strcmp(a, "--help") == 0) {
      std::fputs(kUsage, stdout);
      return 0;
    }
    if (a[1] == '-') {
      std::string msg = std::string("unknown option ") + a;
      return usage_error(msg.c_str());
    }
    bool stop = false;
    for (const char* p = a + 1; *p && !stop; ++p) {
      switch (*p) {
        case 'c':
        case 'm':
        case 'X':
        case 'W': {
          const char* value = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : nullptr);
          if (!value) {
            std::string msg = std::string("Argument expected for the -") + *p + " option";
            return usage_error(msg.c_str());
          }
          if (*p == 'c') {
            command = value;
            have_command = true;
          } else if (*p == 'm') {
            module = value;
            have_module = true;
          } else if (*p == 'X') {
            std::string x = value;
            if (x.rfind("gil=", 0) == 0) config.gil_policy = x.substr(4);
          }
          stop = true;
          break;
        }
        case 'i':
          inspect = true;
          break;
        case 'u':
          ::setenv("PYTHONUNBUFFERED", "1", 1);
          break;
        case 'h':
        case '?':
          std::fputs(kUsage, stdout);
          return 0;
        case 'V':
          std::printf("%s\n", kVersion);
          return 0;
        case 'E':
        case 'I':
          ignore_env = true;
          break;
        case 'q':
          quiet = true;
          break;
        case 'B':
        case 'S':
        case 's':
        case 'O':
        case 'd':
        case 'v':
        case 'b':
        case 'R':
        case 'P':
          break;
        default: {
          std::string msg = std::string("Unknown option: -") + *p;
          return usage_error(msg.c_str());
        }
      }
    }
    if (have_command || have_module) {
      ++i;
      break;
    }
  }
  if (!have_command && !have_module && i < argc) {
    script = argv[i++];
    have_script = true;
  }
  std::vector<std::string> rest(argv + i, argv + argc);
  if (have_command) {
    config.argv.push_back("-c");
  } else if (have_module) {
    config.argv.push_back(module);
  } else if (have_script) {
    config.argv.push_back(script);
  } else {
    config.argv.push_back("");
  }
  config.argv.insert(config.argv.end(), rest.begin(), rest.end());
  if (!ignore_env) {
    if (const char* pp = std::getenv("PYTHONPATH")) {
      std::string s = pp;
      size_t start = 0;
      while (start <= s.size()) {
        size_t colon = s.find(':', start);
        if (colon == std::string::npos) colon = s.size();
        if (colon > start) config.path.push_back(s.substr(start, colon - start));
        start = colon + 1;
      }
    }
    if (const char* insp = std::getenv("PYTHONINSPECT"); insp && *insp) inspect = true;
  }
  bool stdin_script = !have_command && !have_module && !have_script;
  bool stdin_tty = ::isatty(0);
  if (have_script && script == "-") {
    stdin_script = true;
    have_script = false;
  }
  config.interactive = inspect || (stdin_script && stdin_tty);

  gp::ThreadState* ts = gp::create_interpreter(config);
  if (!ts) return 1;
  int rc = 0;
  if (have_command) {
    rc = gp::run_main_string(ts, command);
  } else if (have_module) {
    rc = gp::run_main_module(ts, module);
  } else if (have_script) {
    rc = gp::run_main_file(ts, script);
  } else if (stdin_tty) {
    rc = gp::cli::run_repl(ts, quiet);
    inspect = false;
  } else {
    std::string source((std::istreambuf_iterator<char>(std::cin)),
                       std::istreambuf_iterator<char>());
    rc = gp::run_main_string(ts, source);
  }
  if (inspect && rc >= 0) rc = gp::cli::run_repl(ts, true);
  gp::destroy_interpreter(ts);
  std::fflush(stdout);
  if (rc < 0) {
    // Uncaught KeyboardInterrupt: die by the signal so the parent sees it, as CPython does.
    std::signal(-rc, SIG_DFL);
    ::kill(::getpid(), -rc);
    rc = 128 - rc;
  }
  return rc;
}
