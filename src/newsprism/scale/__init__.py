"""Executors: where analysis and placement data are computed, in this process or on Dask workers.

from newsprism.scale import DaskOptions, dask_executor
with dask_executor(DaskOptions(workers=4)) as executor:
    analyses = list(executor.analyze(articles))
"""

from newsprism.scale.dask_runner import DaskExecutor, DaskOptions, dask_executor
from newsprism.scale.executor import Executor, LocalExecutor

__all__ = ["DaskExecutor", "DaskOptions", "Executor", "LocalExecutor", "dask_executor"]
