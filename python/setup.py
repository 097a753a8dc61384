"""Builds the talign package with the project's own CMake build.

    pip install --no-build-isolation ./python          # from the repository root

The extension module _talign is the CMake target of python/CMakeLists.txt:
setup.py configures the repository one directory up into the setuptools build
directory, builds that target (and the library under it) and copies the
module next to the pure-Python package. The installed module finds its data
(languages, rules, termbases) in the source tree it was built from, or in
$TALIGN_DATA_DIR (libalign/include/align/resources.h): keep the checkout.
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent


def project_version() -> str:
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    return re.search(r"project\(talign VERSION ([0-9.]+)", text).group(1)


class CMakeBuild(build_ext):
    """Builds _talign with CMake instead of setuptools' compiler calls."""

    def build_extension(self, ext):
        build = pathlib.Path(self.build_temp).resolve() / "cmake"
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(min(os.cpu_count() or 1, 2)))
        generator = ["-G", "Ninja"] if shutil.which("ninja") else []
        subprocess.check_call([
            "cmake", "-S", str(ROOT), "-B", str(build), *generator,
            "-DCMAKE_BUILD_TYPE=Release",
            f"-DPython3_EXECUTABLE={sys.executable}",
            "-DTALIGN_BUILD_PYTHON=ON", "-DTALIGN_BUILD_TOOLS=OFF", "-DTALIGN_BUILD_TESTS=OFF",
            "-DTALIGN_BUILD_BENCH=OFF", "-DTALIGN_INSTALL=OFF",
        ])
        subprocess.check_call(["cmake", "--build", str(build), "--target", "_talign", "-j", jobs])
        built = next((build / "python" / "talign").glob("_talign*.so"))
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built, target)


setup(
    name="talign",
    version=project_version(),
    description="Sentence alignment and terminology checking for English, Chinese and Urdu",
    packages=["talign"],
    package_dir={"talign": str(pathlib.Path("talign"))},
    ext_modules=[Extension("talign._talign", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    python_requires=">=3.9",
    extras_require={"pandas": ["pandas"]},
    zip_safe=False,
)
